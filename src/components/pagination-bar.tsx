import { Group, Pagination, Text } from '@mantine/core';
import { DeferredSelect } from './deferred/widgets';
import { PAGE_SIZES } from '../lib/search-params';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onChange: (next: { page: number; page_size: number }) => void;
  label?: string;
};

/** Page links, page size and "1–10 of 234", for every server-paginated table. */
export function PaginationBar({ page, pageSize, total, onChange, label = 'rows' }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? `No ${label}` : `${first.toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()} ${label}`}
      </Text>
      <Group gap="sm">
        <DeferredSelect
          aria-label="Rows per page"
          size="xs"
          w={90}
          data={[...PAGE_SIZES]}
          value={String(pageSize)}
          allowDeselect={false}
          onChange={(value) => value && onChange({ page: 1, page_size: Number(value) })}
        />
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(page, pages)}
          onChange={(next) => onChange({ page: next, page_size: pageSize })}
          getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
          getControlProps={(control) => ({
            'aria-label': { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' }[control],
          })}
        />
      </Group>
    </Group>
  );
}
