/** The environment line: which environment calls go to (shown once), and a button to switch (a client command). */
import type { PanelEnvironment } from '../../../protocol/webview';
import { h, icon, replaceChildren } from '../dom';

export interface EnvironmentView {
  readonly element: HTMLElement;
  update(environment: PanelEnvironment | undefined): void;
}

export function environmentView(onSwitch: () => void): EnvironmentView {
  const details = h('div', { class: 'env-details' }, h('span', { class: 'muted' }, 'Loading…'));
  const button = h('vscode-button', { secondary: true, id: 'switch-environment', title: 'Omnichannel: Select Environment…' }, 'Switch…');
  button.addEventListener('click', onSwitch);
  const element = h('section', { class: 'environment', 'aria-label': 'Environment', title: 'The environment calls run against' },
    details, button);
  return {
    element,
    update(environment) {
      if (!environment) return;
      const kind = environment.kind === 'simulator' ? 'Built-in simulator' : environment.url ?? 'Dataverse';
      replaceChildren(details,
        icon(environment.kind === 'simulator' ? 'beaker' : 'cloud'),
        h('span', { id: 'environment-name', class: 'env-name', title: kind }, environment.name),
        environment.production ? h('vscode-badge', { class: 'production' }, 'production') : null,
      );
    },
  };
}
