import { customFunctions } from '../core/customFunctions';

const USAGE = `cs-kpi: customer-service KPIs (客服绩效) from chat and order exports

Usage:
  cs-kpi functions     list the spreadsheet functions the add-on provides
  cs-kpi --help        this text
`;

export function run(argv: readonly string[], out: (line: string) => void): number {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  if (command === 'functions') {
    for (const spec of Object.values(customFunctions)) {
      out(`${spec.name}(${spec.params.map((p) => p.name).join(', ')})  ${spec.summary.en}`);
    }
    return 0;
  }
  out(`cs-kpi: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

process.exitCode = run(process.argv.slice(2), (line) => console.log(line));
