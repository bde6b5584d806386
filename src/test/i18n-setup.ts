import { i18n } from '@lingui/core';

// Every unit test runs in English, the source locale, as the app does before a catalog loads.
i18n.loadAndActivate({ locale: 'en', messages: {} });
