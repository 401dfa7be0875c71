import { useEffect, useState } from 'react';
import { isAbort, type ApiClient } from '../api/client';

/** What the server said of a rule being edited: its words and next dates, for the rule it was asked about. */
export interface RulePreview {
  status: 'idle' | 'loading' | 'done' | 'unavailable' | 'error';
  /** The rule the words and dates are for (the last one asked about while the next answer is on its way). */
  rule: string | null;
  description: string | null;
  dates: string[];
}

const IDLE: RulePreview = { status: 'idle', rule: null, description: null, dates: [] };

/**
 * Asks the server about a rule being edited (`rule` null: nothing to ask) once typing pauses for `delay` ms: its
 * words, as the saved task will show them, and its next due times from `dueAt`. While the next answer is on its way,
 * the last one stays, with the rule it was for, so that words are only ever shown beside their own rule.
 */
export function useRulePreview(
  api: ApiClient,
  userId: string,
  rule: string | null,
  dueAt: string | null,
  delay = 300,
): RulePreview {
  const [state, setState] = useState<RulePreview>(IDLE);
  useEffect(() => {
    if (!rule) {
      setState((s) => (s.status === 'unavailable' ? s : IDLE));
      return;
    }
    const ctrl = new AbortController();
    setState((s) => (s.status === 'unavailable' ? s : { ...s, status: 'loading' }));
    const timer = setTimeout(() => {
      api.previewRecurrence(userId, rule, dueAt, 5, ctrl.signal).then(
        (answer) =>
          setState(
            answer === null
              ? { ...IDLE, status: 'unavailable' }
              : { status: 'done', rule, description: answer.description, dates: answer.dates },
          ),
        (e) => !isAbort(e) && setState({ status: 'error', rule, description: null, dates: [] }),
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [api, userId, rule, dueAt, delay]);
  return state;
}
