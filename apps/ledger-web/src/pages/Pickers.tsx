import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, query } from '../api';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { CollectiveView, EntityListItem, Household, Obligations, Page, ProjectListItem } from '../types';

interface Option {
  value: string;
  label: string;
}

/** Props antd's Form.Item passes to a control, plus the token to search with. */
interface PickerProps {
  token: string;
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-invalid'?: boolean;
  style?: React.CSSProperties;
  placeholder?: string;
}

/**
 * A searchable select fed by an API list: the first page on opening, then what the typed text finds
 * (debounced). A pasted id (`entity-…`) is offered as it is, so an id from elsewhere still works.
 */
function RemoteSelect(
  props: PickerProps & {
    search: (q: string) => Promise<Option[]>;
    idPrefix: string;
    /** Changes when what is listed changes (another parent), to list afresh. */
    scope?: string;
    disabled?: boolean;
  },
) {
  const { t } = useT();
  const [options, setOptions] = useState<Option[]>([]);
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState('');
  const known = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const seq = useRef(0);
  const { search, scope, disabled } = props;

  const run = (q: string) => {
    const mine = ++seq.current;
    setBusy(true);
    search(q).then(
      (found) => {
        if (mine !== seq.current) return;
        for (const o of found) known.current.set(o.value, o.label);
        setOptions(found);
        setBusy(false);
      },
      () => {
        if (mine === seq.current) setBusy(false);
      },
    );
  };

  useEffect(() => {
    if (disabled) return;
    run('');
    return () => clearTimeout(timer.current);
  }, [scope, disabled]);

  const onSearch = (q: string) => {
    setTyped(q.trim());
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run(q.trim()), 250);
  };

  const pasted = typed.startsWith(`${props.idPrefix}-`) && !options.some((o) => o.value === typed);
  const shown = pasted ? [{ value: typed, label: typed }, ...options] : options;
  const selected = props.value && !shown.some((o) => o.value === props.value);
  const all = selected
    ? [{ value: props.value!, label: known.current.get(props.value!) ?? props.value! }, ...shown]
    : shown;

  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      aria-invalid={props['aria-invalid']}
      showSearch
      allowClear
      disabled={disabled}
      filterOption={false}
      onSearch={onSearch}
      options={all}
      placeholder={props.placeholder ?? t.pickHint}
      notFoundContent={busy ? <Spin size="small" /> : t.noData}
      style={{ minWidth: 280, ...props.style }}
      popupMatchSelectWidth={false}
    />
  );
}

/** Picks an operating entity (`GET /v1/entities?q=`): a clerk sees those of their townships. */
export function EntityPicker(props: PickerProps) {
  const { token } = props;
  const search = useMemo(
    () => async (q: string) => {
      const page = await api<Page<EntityListItem>>(`/v1/entities${query({ q, limit: 30 })}`, { token });
      return page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.township}）` }));
    },
    [token],
  );
  return <RemoteSelect {...props} search={search} idPrefix="entity" />;
}

/** Picks a household (`GET /v1/households?q=`, by registration number or head's name). */
export function HouseholdPicker(props: PickerProps) {
  const { token } = props;
  const search = useMemo(
    () => async (q: string) => {
      const page = await api<Page<Household>>(`/v1/households${query({ q, limit: 30 })}`, { token });
      return page.items.map((h) => ({ value: h.id, label: `${h.headName}（${h.registrationNo}，${h.village}）` }));
    },
    [token],
  );
  return <RemoteSelect {...props} search={search} idPrefix="household" />;
}

/** Picks a project (`GET /v1/projects?q=`): auditors and admins. */
export function ProjectPicker(props: PickerProps) {
  const { token } = props;
  const search = useMemo(
    () => async (q: string) => {
      const page = await api<Page<ProjectListItem>>(`/v1/projects${query({ q, limit: 30 })}`, { token });
      return page.items.map((p) => ({ value: p.id, label: `${p.name}（${p.county}）` }));
    },
    [token],
  );
  return <RemoteSelect {...props} search={search} idPrefix="project" />;
}

/**
 * Picks one of an entity's dividend declarations. The API lists no declarations as such; an entity's
 * obligations name each declaration that has fallen due (its period, the day declared, what it owes).
 */
export function DeclarationPicker(props: PickerProps & { entityId?: string }) {
  const { t } = useT();
  const { token, entityId } = props;
  const search = useMemo(
    () => async (q: string) => {
      if (!entityId) return [];
      const data = await api<Obligations>(`/v1/entities/${encodeURIComponent(entityId)}/obligations`, { token });
      const byDeclaration = new Map<
        string,
        { period: string; dueOn: string; dueFen: number; outstandingFen: number }
      >();
      for (const i of data.items.filter((i) => i.kind === 'dividend')) {
        const seen = byDeclaration.get(i.linkageId);
        byDeclaration.set(i.linkageId, {
          period: i.period,
          dueOn: i.dueOn,
          dueFen: (seen?.dueFen ?? 0) + i.dueFen,
          outstandingFen: (seen?.outstandingFen ?? 0) + i.outstandingFen,
        });
      }
      return [...byDeclaration]
        .map(([value, d]) => ({
          value,
          label: `${d.period} · ${d.dueOn} · ${formatYuan(d.dueFen)}（${t.owedYuan} ${formatYuan(d.outstandingFen)}）`,
        }))
        .filter((o) => !q || o.label.includes(q) || o.value === q);
    },
    [token, entityId, t],
  );
  return (
    <RemoteSelect
      {...props}
      search={search}
      idPrefix="dividend"
      scope={entityId}
      disabled={!entityId}
      placeholder={entityId ? t.pickHint : t.pickEntityFirst}
    />
  );
}

/** Picks one of a village collective's distributions (二次分配), from `GET /v1/collectives/{id}`. */
export function DistributionPicker(props: PickerProps & { collectiveId?: string }) {
  const { t } = useT();
  const { token, collectiveId } = props;
  const search = useMemo(
    () => async (q: string) => {
      if (!collectiveId) return [];
      const data = await api<CollectiveView>(`/v1/collectives/${encodeURIComponent(collectiveId)}`, { token });
      return data.distributions
        .map((d) => ({
          value: d.distributionId,
          label: `${d.period} · ${d.declaredOn} · ${formatYuan(d.poolFen)}（${t.owedYuan} ${formatYuan(d.owedFen)}）`,
        }))
        .filter((o) => !q || o.label.includes(q) || o.value === q);
    },
    [token, collectiveId, t],
  );
  return (
    <RemoteSelect
      {...props}
      search={search}
      idPrefix="distribution"
      scope={collectiveId}
      disabled={!collectiveId}
      placeholder={collectiveId ? t.pickHint : t.pickEntityFirst}
    />
  );
}
