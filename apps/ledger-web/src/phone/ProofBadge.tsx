import type { ProofStatus } from '../proof-check';

/** A payment's check on the phone: 已核验 (its proof leads to a published root), 未封存, or 不符. */
export function ProofBadge(props: { status?: ProofStatus | 'error'; lang: 'zh' | 'en' }) {
  const { status, lang } = props;
  const zh = lang === 'zh';
  if (status === undefined) return <span className="badge">{zh ? '核验中…' : 'checking…'}</span>;
  if (status === 'error') return <span className="badge">{zh ? '暂无法核验' : 'cannot check now'}</span>;
  switch (status.status) {
    case 'verified':
      // The seal and its root on a long press (title), as the console's tooltip showed them.
      return (
        <span className="badge green" title={`${zh ? '封存' : 'seal'} ${status.sealId}: ${status.root}`}>
          {zh ? '已核验' : 'verified'}
        </span>
      );
    case 'unsealed':
      return <span className="badge gold">{zh ? '未封存' : 'not sealed yet'}</span>;
    case 'mismatch':
      return (
        <span className="badge red" title={status.detail}>
          {zh ? '不符' : 'does not match'}
        </span>
      );
    default: {
      const never: never = status;
      return never;
    }
  }
}
