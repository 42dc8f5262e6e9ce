import type { FrameLocator, Locator, Page } from 'playwright-core';
import { DEMO_HOST } from './extension-browser';

/** Page object for a demo amoCRM tab with the docked Sufler panel. */
export class CrmTab {
  readonly panel: FrameLocator;
  readonly panelWrapper: Locator;

  constructor(
    readonly page: Page,
    private readonly port: number,
  ) {
    this.panelWrapper = page.locator('[data-sufler-panel]');
    this.panel = page.frameLocator('[data-sufler-panel] iframe');
  }

  leadUrl(id: string, query = ''): string {
    return `http://${DEMO_HOST}:${this.port}/leads/detail/${id}${query}`;
  }

  async openLead(id: string, query = ''): Promise<void> {
    await this.page.goto(this.leadUrl(id, query));
  }

  byTestId(id: string): Locator {
    return this.panel.locator(`[data-testid="${id}"]`);
  }

  clientName(): Locator {
    return this.byTestId('panel-client-name');
  }

  checklistItem(fieldId: string): Locator {
    return this.panel.locator(`[data-testid="checklist-item"][data-field-id="${fieldId}"]`);
  }

  /** The CRM form field (amoCRM markup) with the given custom-field id. */
  crmField(cfId: string): Locator {
    return this.page.locator(`.linked-form__field[data-id="${cfId}"]`);
  }

  outlinedFields(): Locator {
    return this.page.locator('[data-sufler-missing]');
  }

  async logTouch(kind: string, outcome: string, comment: string): Promise<void> {
    await this.byTestId(`touch-kind-${kind}`).click();
    await this.byTestId(`touch-outcome-${outcome}`).click();
    await this.byTestId('touch-comment').fill(comment);
    await this.byTestId('touch-save').click();
  }

  historyItems(): Locator {
    return this.byTestId('touch-history-item');
  }
}
