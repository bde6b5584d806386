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
  tabs: readonly { value: string; label: string }[];
}) {
  const navigate = useNavigate();
  return (
    <Tabs value={segment} onChange={(value) => value && navigate(`/offerings/${offeringUuid}/${value}`)}>
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
