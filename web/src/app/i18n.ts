import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { narrativeMessages } from '../components/narrative-messages';
import { adminMessages } from '../features/admin/messages';
import { authMessages } from '../features/auth/messages';
import { cressMessages } from '../features/cress/messages';
import { dashboardMessages } from '../features/dashboard/messages';
import { entryMessages } from '../features/entry/messages';
import { exportsMessages } from '../features/exports/messages';
import { historyMessages } from '../features/history/messages';
import { homeMessages } from '../features/home/messages';
import { importMessages } from '../features/import/messages';
import { qualityMessages } from '../features/quality/messages';
import { regionMessages } from '../features/region/messages';
import { reportMessages } from '../features/report/messages';
import { reviewMessages } from '../features/review/messages';
import { targetsMessages } from '../features/targets/messages';
import { setApiLanguage } from '../lib/api-client';
import { commonMessages } from './messages';

const namespaces = {
  common: commonMessages,
  auth: authMessages,
  home: homeMessages,
  entry: entryMessages,
  dashboard: dashboardMessages,
  history: historyMessages,
  targets: targetsMessages,
  cress: cressMessages,
  admin: adminMessages,
  report: reportMessages,
  exports: exportsMessages,
  import: importMessages,
  quality: qualityMessages,
  review: reviewMessages,
  narrative: narrativeMessages,
  region: regionMessages,
};

const STORAGE_KEY = 'ptce-lang';

function resources(lang: 'fr' | 'en') {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m[lang]]));
}

/** French unless the user chose English before (stored in this browser). */
function initialLanguage(): 'fr' | 'en' {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** Initialises i18next once with every feature's catalogue; keeps <html lang> and the API in step. */
export function setupI18n(lang: 'fr' | 'en' = initialLanguage()) {
  if (!i18n.isInitialized) {
    i18n.use(initReactI18next).init({
      resources: { fr: resources('fr'), en: resources('en') },
      lng: lang,
      fallbackLng: 'fr',
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18n.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
      setApiLanguage(lng);
      try {
        localStorage.setItem(STORAGE_KEY, lng);
      } catch {
        // private mode: the choice lasts for the page only
      }
    });
  }
  document.documentElement.lang = i18n.language;
  setApiLanguage(i18n.language);
  return i18n;
}
