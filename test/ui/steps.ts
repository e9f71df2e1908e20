// Playwright steps that drive the VS Code (code-server) UI as a person would: keyboard shortcuts,
// the mouse on a word, what the widgets show.
import type { Page } from 'playwright-core';

/** Waits for the workbench to be ready for keyboard input. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  // The explorer lists the workspace once the remote file system is connected.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor to have focus. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor();
}

/** Runs a command from the palette (F1) by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The labels of the rows of the suggest widget, once it shows one containing `expected`. */
export async function suggestLabels(page: Page, expected: string): Promise<string[]> {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await widget.locator('.monaco-list-row', { hasText: expected }).first().waitFor({ timeout: 20_000 });
  return widget.locator('.monaco-list-row .label-name').allInnerTexts();
}

/** Browser-side source (the project compiles without DOM types): the screen box of a word's first glyphs in the editor. */
const MEASURE_WORD = `(word) => {
  for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent || '').indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
  }
  return undefined;
}`;

/**
 * Puts the mouse on the glyphs of the first `word` shown in the editor and returns the text of the
 * hover once it shows `expected`. The view lines are not in document order, so the word's own text
 * is measured; it is measured again on every try because lines move (CodeLens arrive above them),
 * and the mouse leaves the editor between tries because VS Code asks the extension again only when
 * the mouse comes to a new word (the first try may come before the language server is ready).
 */
export async function hoverWord(page: Page, word: string, expected: string, timeoutMs = 30_000): Promise<string> {
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const box = (await page.evaluate(`(${MEASURE_WORD})(${JSON.stringify(word)})`)) as
      { x: number; y: number; width: number; height: number } | undefined;
    if (!box) throw new Error(`"${word}" is not visible in the editor`);
    // Off the editor first: VS Code does not ask again while the mouse stays on the same word.
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x + box.width / 2 + (attempt % 2 ? 2 : -2), box.y + box.height / 2, { steps: 3 });
    try {
      await hover.waitFor({ timeout: 2_000 });
      return await hover.innerText();
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(
          `no hover showing "${expected}" appeared over "${word}" within ${timeoutMs} ms: ${(err as Error).message}`,
          { cause: err },
        );
    }
  }
}
