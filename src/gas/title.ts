/** The add-on's name: the menu, the sidebar's title and every dialog's title. */
export const ADDON_TITLE = '客服绩效';
