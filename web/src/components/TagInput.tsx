// Tags as removable chips; type and press Enter or comma to add, with suggestions.
import { useId, useState, type KeyboardEvent } from 'react';
import { CloseIcon } from './icons';
import styles from './TagInput.module.css';

interface TagInputProps {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function normaliseTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').replace(/\s+/g, '-').slice(0, 50);
}

export function TagInput({ value, onChange, suggestions, id, ...aria }: TagInputProps) {
  const [text, setText] = useState('');
  const listId = useId();
  const hintId = useId();

  const add = (raw: string) => {
    const parts = raw.split(',').map(normaliseTag).filter(Boolean);
    const next = [...value];
    for (const p of parts) if (!next.some((t) => t.toLowerCase() === p.toLowerCase())) next.push(p);
    if (next.length !== value.length) onChange(next);
    setText('');
  };

  const remove = (tag: string) => onChange(value.filter((t) => t !== tag));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && text.trim()) {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Enter') {
      // Do not submit the surrounding form from an empty tag field.
      e.preventDefault();
    } else if (e.key === 'Backspace' && !text && value.length) {
      e.preventDefault();
      remove(value[value.length - 1]);
    }
  };

  const available = suggestions.filter((s) => !value.some((t) => t.toLowerCase() === s.toLowerCase()));

  return (
    <div className={styles.box}>
      {value.length > 0 && (
        <ul className={styles.chips} aria-label="Selected tags">
          {value.map((t) => (
            <li key={t} className={`chip ${styles.chip}`}>
              #{t}
              <button type="button" className={styles.remove} aria-label={`Remove tag ${t}`} onClick={() => remove(t)}>
                <CloseIcon size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className={styles.input}
        type="text"
        list={listId}
        autoComplete="off"
        placeholder={value.length ? 'Add another…' : 'Add tags…'}
        value={text}
        {...aria}
        aria-describedby={[aria['aria-describedby'], hintId].filter(Boolean).join(' ')}
        onChange={(e) => {
          const v = e.target.value;
          const native = e.nativeEvent as InputEvent;
          // Picking an entry from the suggestion list adds it straight away.
          if (native.inputType === 'insertReplacementText' || (native.inputType === undefined && available.includes(v))) {
            add(v);
          } else {
            setText(v);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
      <span id={hintId} className="sr-only">
        Press Enter or comma to add a tag, Backspace to remove the last one.
      </span>
      <datalist id={listId}>
        {available.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
