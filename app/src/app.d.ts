import type { Me } from '@mutua/server/contract';
import type { Locale } from '$lib/i18n';
import type { ApiClient } from '$lib/server/api';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      lang: Locale;
      api: ApiClient;
      /** The signed-in person, or null. */
      me: Me | null;
    }
    interface PageData {
      lang: Locale;
      me: Me | null;
      /** Unread notifications of the signed-in person (the bell), null when unknown. */
      unread: number | null;
    }
  }
}

export {};
