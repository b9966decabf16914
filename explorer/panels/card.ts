/** The card of the selected actor: public details (API `actor`) and its place in the drawn scope. */
import { h } from '../dom';
import { num, t } from '../i18n';
import type { ActorDetail, BrokerRoles } from '../queries';

export interface CardInput {
  actorId: string | null;
  actor: ActorDetail | null;
  loading: boolean;
  error: string | null;
  color: string | null;
  inView: boolean;
  degreeInView: number;
  broker: BrokerRoles | null;
  /** Whether the scope's broker list is known (analytics allowed). */
  brokersKnown: boolean;
  score: { metric: string; value: number } | null;
  onClose: () => void;
  /** Ego network and path from this actor (analytics keys only). */
  onEgo: (() => void) | null;
  onPathFrom: (() => void) | null;
}

export function renderCard(root: HTMLElement, input: CardInput): void {
  root.dataset.actorId = input.actorId ?? '';
  root.dataset.state = input.loading ? 'loading' : input.error ? 'error' : input.actor ? 'ready' : 'empty';
  if (!input.actorId) {
    root.replaceChildren(h('p', { class: 'muted' }, t('card.hint')));
    return;
  }
  if (input.error) {
    root.replaceChildren(h('p', { class: 'notice' }, input.error));
    return;
  }
  const a = input.actor;
  if (!a) {
    root.replaceChildren(h('p', { class: 'muted' }, t('status.loading')));
    return;
  }
  const header = h(
    'div',
    { class: 'card-head' },
    h('span', { class: 'swatch', style: `background:${input.color ?? '#b8bcc4'}` }),
    h('h2', { 'data-testid': 'card-name' }, a.name),
    h('button', { type: 'button', class: 'close', title: t('card.close'), 'aria-label': t('card.close'), onclick: input.onClose }, '×'),
  );
  const rows = h(
    'dl',
    { class: 'card-rows' },
    h('dt', {}, t('card.kind')),
    h('dd', { 'data-testid': 'card-kind', 'data-value': a.kind }, t(`kind.${a.kind}`)),
    h('dt', {}, t('card.sector')),
    h('dd', { 'data-testid': 'card-sector', 'data-value': a.sector }, t(`sector.${a.sector}`)),
    a.territory ? h('dt', {}, t('card.territory')) : null,
    a.territory ? h('dd', {}, a.territory) : null,
    h('dt', {}, t('card.bonds')),
    h('dd', { 'data-testid': 'card-bonds', 'data-value': String(a.bondCount) }, String(a.bondCount), input.inView ? h('span', { class: 'muted' }, ` (${t('card.bondsInView', { n: input.degreeInView })})`) : null),
    h('dt', {}, t('card.operations')),
    h(
      'dd',
      { 'data-testid': 'card-operations' },
      a.operations.length ? h('ul', { class: 'chips' }, ...a.operations.map((o) => h('li', { title: o.code }, o.name))) : t('card.noOperation'),
    ),
  );
  const parts: (HTMLElement | null)[] = [header, rows];
  if (input.onEgo || input.onPathFrom) {
    parts.push(
      h(
        'div',
        { class: 'card-actions' },
        input.onEgo ? h('button', { type: 'button', class: 'button small', 'data-testid': 'card-ego', onclick: input.onEgo }, t('card.ego')) : null,
        input.onPathFrom ? h('button', { type: 'button', class: 'button small', 'data-testid': 'card-path', onclick: input.onPathFrom }, t('card.pathFrom')) : null,
      ),
    );
  }
  if (input.score) parts.push(h('p', { class: 'small', 'data-testid': 'card-score' }, t('card.score', { metric: input.score.metric, score: num(input.score.value, 4) })));
  if (input.brokersKnown) {
    const b = input.broker;
    parts.push(h('h3', {}, t('card.brokerage')));
    parts.push(
      b
        ? h(
            'dl',
            { class: 'card-rows', 'data-testid': 'card-brokerage' },
            ...(['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const).flatMap((r) => [h('dt', {}, t(`broker.${r}`)), h('dd', {}, String(b[r]))]),
            h('dt', {}, t('figures.brokers.total')),
            h('dd', { 'data-value': String(b.total) }, h('strong', {}, String(b.total))),
          )
        : h('p', { class: 'muted small' }, t('card.notBroker')),
    );
  }
  if (!input.inView) parts.push(h('p', { class: 'notice small' }, t('card.outside')));
  if (a.description) parts.push(h('p', { class: 'description' }, a.description));
  root.replaceChildren(...parts.filter((p): p is HTMLElement => !!p));
}
