import { Tag, Tooltip } from 'antd';
import type { ProofStatus } from '../proof-check';

/** A payment's check on the phone: 已核验 (its proof leads to a published root), 未封存, or 不符. */
export function ProofTag(props: { status?: ProofStatus | 'error'; lang: 'zh' | 'en' }) {
  const { status, lang } = props;
  const zh = lang === 'zh';
  if (status === undefined) return <Tag>{zh ? '核验中…' : 'checking…'}</Tag>;
  if (status === 'error') return <Tag color="default">{zh ? '暂无法核验' : 'cannot check now'}</Tag>;
  switch (status.status) {
    case 'verified':
      return (
        <Tooltip title={`${zh ? '封存' : 'seal'} ${status.sealId}: ${status.root}`}>
          <Tag color="green">{zh ? '已核验' : 'verified'}</Tag>
        </Tooltip>
      );
    case 'unsealed':
      return <Tag color="gold">{zh ? '未封存' : 'not sealed yet'}</Tag>;
    case 'mismatch':
      return (
        <Tooltip title={status.detail}>
          <Tag color="red">{zh ? '不符' : 'does not match'}</Tag>
        </Tooltip>
      );
    default: {
      const never: never = status;
      return never;
    }
  }
}
