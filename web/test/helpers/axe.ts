import axe from 'axe-core';

/**
 * axe-core's violations in `root`. jsdom lays nothing out, so colour contrast is
 * left to the end-to-end run in Chromium, which checks it on every main page.
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
