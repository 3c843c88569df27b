/** Text made safe inside HTML, an attribute value included: &, <, >, " and ' as character references. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
