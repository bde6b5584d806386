/**
 * What the boot script's pages share (groups-frame.ts, sync-frame.ts): text made safe for
 * markup, and a copy of one of index.html's templates with the offering's name and organization
 * and the colour scheme toggle's icon filled in.
 */

export type BootOffering = { name?: string; customer_name?: string };

export const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A copy of `template` with its slots filled; null when there is no template. */
export function pageFrom(template: HTMLTemplateElement | null, offering: BootOffering): DocumentFragment | null {
  if (!template) return null;
  const page = template.content.cloneNode(true) as DocumentFragment;
  const dark = document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark';
  const slots: Record<string, string | undefined> = {
    name: offering.name,
    customer: offering.customer_name,
    // As the shell's toggle: the scheme it switches to.
    scheme: dark ? '☀' : '☾',
  };
  for (const slot of page.querySelectorAll('[data-boot-slot]')) {
    const name = slot.getAttribute('data-boot-slot') ?? '';
    if (name in slots) slot.textContent = slots[name] ?? '';
  }
  return page;
}
