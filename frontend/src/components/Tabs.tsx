import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab {
  id: string;
  label: ReactNode;
  panel: ReactNode;
}

interface Props {
  title: string;
  tabs: Tab[];
  selected: string;
  onSelect: (id: string) => void;
}

/**
 * GOV.UK Frontend's tabs, driven by React: every panel stays mounted (hidden when not chosen),
 * so what is typed in one survives a look at another. Arrow keys move between tabs, as the
 * tabs pattern expects, and Tab moves into the chosen panel.
 */
export function Tabs({ title, tabs, selected, onSelect }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const move = (event: KeyboardEvent, index: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    onSelect(next.id);
    list.current?.querySelector<HTMLAnchorElement>(`#tab_${next.id}`)?.focus();
  };
  return (
    <div className="govuk-tabs" data-testid="context-tabs">
      <h2 className="govuk-tabs__title">{title}</h2>
      <ul className="govuk-tabs__list" role="tablist" ref={list}>
        {tabs.map((tab, index) => {
          const chosen = tab.id === selected;
          return (
            <li key={tab.id} className={`govuk-tabs__list-item${chosen ? ' govuk-tabs__list-item--selected' : ''}`} role="presentation">
              <a
                className="govuk-tabs__tab"
                href={`#${tab.id}`}
                id={`tab_${tab.id}`}
                role="tab"
                aria-controls={tab.id}
                aria-selected={chosen}
                tabIndex={chosen ? 0 : -1}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(tab.id);
                }}
                onKeyDown={(event) => move(event, index)}
              >
                {tab.label}
              </a>
            </li>
          );
        })}
      </ul>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          className={`govuk-tabs__panel${tab.id === selected ? '' : ' govuk-tabs__panel--hidden'}`}
          id={tab.id}
          role="tabpanel"
          aria-labelledby={`tab_${tab.id}`}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
