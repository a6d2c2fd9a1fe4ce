/** Text for a cell of a Markdown table: a | would end the cell. */
export const markdownCell = (text: string) => text.replace(/\|/g, '\\|');
