import type { MessageDescriptor } from '@lingui/core';
import { useLingui } from '@lingui/react/macro';
import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';

/** An offering page's tab bar: each tab is the path segment under `/offerings/:uuid/`. */
export function OfferingTabs({
  offeringUuid,
  segment,
  tabs,
}: {
  offeringUuid: string;
  segment: string;
  tabs: readonly { value: string; label: MessageDescriptor }[];
}) {
  const navigate = useNavigate();
  const { i18n } = useLingui();
  return (
    <Tabs value={segment} onChange={(value) => value && navigate(`/offerings/${offeringUuid}/${value}`)}>
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {i18n._(tab.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
