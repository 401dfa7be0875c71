// Assistant side panel (simple for now). Degrades to a note when /chat is not available.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { ChatMessage, ChatResponse, ToolCall } from '../api/types';
import { CloseIcon } from './icons';
import styles from './ChatPanel.module.css';

interface ChatPanelProps {
  open: boolean;
  onClose: () => void;
  api: ApiClient;
  userId: string;
  /** Called when the assistant used tools (tasks may have changed). */
  onTasksChanged: () => void;
  /** False when the backend is known not to have the chat endpoints. */
  supported?: boolean | null;
}

interface Entry {
  id: string;
  role: string;
  content: string;
  toolCalls?: ToolCall[];
}

export function ChatPanel({ open, onClose, api, userId, onTasksChanged, supported }: ChatPanelProps) {
  const [probed, setAvailable] = useState<boolean | null>(null);
  const available = supported === false ? false : probed;
  const [conversationId, setConversationId] = useState<ChatResponse['conversationId'] | undefined>(undefined);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logRef = useRef<HTMLOListElement>(null);
  const loadedRef = useRef(false);

  // On first open, resume the latest conversation.
  useEffect(() => {
    if (!open || loadedRef.current || supported === false) return;
    loadedRef.current = true;
    const ctrl = new AbortController();
    api
      .conversations(userId, ctrl.signal)
      .then(async (list) => {
        if (list === null) {
          setAvailable(false);
          return;
        }
        setAvailable(true);
        if (!list.length) return;
        const latest = [...list].sort((a, b) =>
          String(b.updatedAt ?? b.createdAt ?? '').localeCompare(String(a.updatedAt ?? a.createdAt ?? '')),
        )[0];
        const msgs = await api.messages(userId, latest.id, ctrl.signal);
        if (!msgs) return;
        setConversationId(latest.id);
        setEntries(msgs.filter((m) => m.role === 'user' || m.role === 'assistant').map(toEntry));
      })
      .catch((e) => {
        if (!isAbort(e)) setAvailable(true); // let the person try to send anyway
      });
    return () => ctrl.abort();
  }, [open, api, userId, supported]);

  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) (inputRef.current ?? closeRef.current)?.focus();
  }, [open, available]);

  // Keep the newest message in view by scrolling the log itself: scrollIntoView would also scroll the page,
  // which jumped a long task list to its end when the panel mounted.
  useEffect(() => {
    const log = logRef.current;
    if (open && log) log.scrollTop = log.scrollHeight;
  }, [entries, open]);

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    const message = text.trim();
    if (!message || sending) return;
    setError(null);
    setSending(true);
    setEntries((xs) => [...xs, { id: `u${Date.now()}`, role: 'user', content: message }]);
    setText('');
    try {
      const res = await api.chat(userId, { conversationId, message });
      if (res === null) {
        setAvailable(false);
        return;
      }
      setAvailable(true);
      setConversationId(res.conversationId);
      setEntries((xs) => [
        ...xs,
        { id: `a${Date.now()}`, role: 'assistant', content: res.response, toolCalls: res.toolCalls ?? [] },
      ]);
      if (res.toolCalls?.length) onTasksChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  };

  return (
    <aside
      id="assistant-panel"
      className={styles.panel}
      hidden={!open}
      aria-label="Assistant"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className={styles.header}>
        <h2 className={styles.heading}>Assistant</h2>
        <div className={styles.headerActions}>
          {entries.length > 0 && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => {
                setConversationId(undefined);
                setEntries([]);
                inputRef.current?.focus();
              }}
            >
              New chat
            </button>
          )}
          <button
            ref={closeRef}
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label="Close assistant"
            onClick={onClose}
          >
            <CloseIcon />
          </button>
        </div>
      </div>

      {available === false ? (
        <p className={styles.unavailable}>The assistant isn’t available on this server yet.</p>
      ) : (
        <>
          <ol ref={logRef} className={styles.log} aria-live="polite" aria-label="Conversation">
            {entries.length === 0 && (
              <li className={styles.hint}>Ask me to add, find or reschedule tasks, e.g. “What’s due this week?”</li>
            )}
            {entries.map((m) => (
              <li key={m.id} className={`${styles.msg} ${m.role === 'user' ? styles.user : styles.assistant}`}>
                <span className="sr-only">{m.role === 'user' ? 'You: ' : 'Assistant: '}</span>
                <p className={styles.content}>{m.content}</p>
                {m.toolCalls && m.toolCalls.length > 0 && (
                  <details className={styles.tools}>
                    <summary>
                      Used {m.toolCalls.length} tool{m.toolCalls.length === 1 ? '' : 's'}:{' '}
                      {m.toolCalls.map((t) => t.name).join(', ')}
                    </summary>
                    {m.toolCalls.map((t, i) => (
                      <pre key={i} className={styles.toolJson}>
                        {t.name}({safeJson(t.arguments)}) → {safeJson(t.result)}
                      </pre>
                    ))}
                  </details>
                )}
              </li>
            ))}
            {sending && <li className={styles.hint}>Thinking…</li>}
          </ol>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <form className={styles.form} onSubmit={send}>
            <label htmlFor="assistant-input" className="sr-only">
              Message the assistant
            </label>
            <textarea
              ref={inputRef}
              id="assistant-input"
              className={`textarea ${styles.input}`}
              rows={2}
              placeholder="Message the assistant"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  void send();
                }
              }}
            />
            <button type="submit" className="btn btn-primary" disabled={!text.trim() || sending}>
              Send
            </button>
          </form>
        </>
      )}
    </aside>
  );
}

function toEntry(m: ChatMessage): Entry {
  return { id: String(m.id), role: m.role, content: m.content };
}

function safeJson(v: unknown): string {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return String(v);
  }
}
