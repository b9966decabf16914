/** Actor search (API `actors(search:)`, accent-insensitive) with a result list under the field. */
import { h } from '../dom';
import { t } from '../i18n';
import type { ActorLite } from '../queries';

export interface SearchOptions {
  input: HTMLInputElement;
  results: HTMLElement;
  search: (text: string) => Promise<ActorLite[]>;
  inView: (id: string) => boolean;
  colorOf: (actor: ActorLite) => string;
  onPick: (actor: ActorLite) => void;
  onError: (err: unknown) => void;
}

export function setupSearch(o: SearchOptions): void {
  let timer: number | undefined;
  let generation = 0;
  let items: ActorLite[] = [];

  const close = () => {
    o.results.hidden = true;
    o.input.setAttribute('aria-expanded', 'false');
  };
  const pick = (a: ActorLite) => {
    close();
    o.input.value = a.name;
    o.onPick(a);
  };
  const show = (list: ActorLite[]) => {
    items = list;
    o.results.replaceChildren(
      ...(list.length
        ? list.map((a) =>
            h(
              'li',
              { role: 'option', 'data-testid': 'search-result', 'data-actor-id': a.id },
              h(
                'button',
                { type: 'button', onclick: () => pick(a) },
                h('span', { class: 'swatch', style: `background:${o.colorOf(a)}` }),
                h('span', { class: 'name' }, a.name),
                o.inView(a.id) ? h('span', { class: 'muted small' }, ` · ${t('search.inView')}`) : null,
              ),
            ),
          )
        : [h('li', { class: 'muted', 'data-testid': 'search-empty' }, t('search.none'))]),
    );
    o.results.hidden = false;
    o.input.setAttribute('aria-expanded', 'true');
  };

  const run = async (text: string) => {
    const mine = ++generation;
    o.results.dataset.state = 'loading';
    try {
      const list = await o.search(text);
      if (mine !== generation) return;
      show(list);
    } catch (err) {
      if (mine === generation) o.onError(err);
    } finally {
      if (mine === generation) o.results.dataset.state = 'ready';
    }
  };

  o.input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = o.input.value.trim();
    if (text.length < 2) {
      generation++;
      close();
      return;
    }
    timer = window.setTimeout(() => void run(text), 200);
  });
  o.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && items[0] && !o.results.hidden) {
      e.preventDefault();
      pick(items[0]);
    } else if (e.key === 'Escape') close();
  });
  document.addEventListener('click', (e) => {
    if (!o.results.contains(e.target as Node) && e.target !== o.input) close();
  });
}
