// Server field errors in words for people: the API names fields as the JSON does ("title", "reminders[0].at") and
// words messages for programmers ("must be at most 200 characters"); the page says "Title can be at most 200
// characters."

const LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  dueAt: 'Due date',
  allDay: 'All day',
  priority: 'Priority',
  tags: 'Tags',
  recurrence: 'Repeat',
  'recurrence.rule': 'Repeat rule',
  'recurrence.from': 'Next date counts from',
  reminders: 'Reminders',
  email: 'Email',
  password: 'Password',
  name: 'Name',
  timeZone: 'Time zone',
  currentPassword: 'Current password',
  newPassword: 'New password',
  text: 'Text',
  message: 'Message',
};

/** The label a person sees for a field the API names, e.g. "reminders[1].at" → "Reminder 2 time". */
export function fieldLabel(field: string): string {
  if (field in LABELS) return LABELS[field];
  const tag = /^tags\[(\d+)\]$/.exec(field);
  if (tag) return `Tag ${Number(tag[1]) + 1}`;
  const reminder = /^reminders\[(\d+)\](?:\.(before|at))?$/.exec(field);
  if (reminder) return `Reminder ${Number(reminder[1]) + 1}${reminder[2] === 'at' ? ' time' : ''}`;
  // Unknown names: "someField.part" → "Some field part".
  const words = field
    .replace(/\[(\d+)\]/g, ' $1')
    .replace(/[._]/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function rephrase(message: string): string {
  const m = message.trim().replace(/\.$/, '');
  let r: RegExpExecArray | null;
  if ((r = /^(?:must be at most|size must be between 0 and) (\d+)(?: characters)?$/.exec(m))) return `can be at most ${r[1]} characters`;
  if ((r = /^size must be between (\d+) and (\d+)$/.exec(m))) return `must be ${r[1]} to ${r[2]} characters long`;
  if (/^must not be (?:blank|null|empty)$/.test(m)) return 'is required';
  if ((r = /^at most (.*)$/.exec(m))) return `can have at most ${r[1]}`;
  return m;
}

/** One sentence naming the field as the page does: "Title can be at most 200 characters." */
export function describeFieldError(field: string, message: string): string {
  const text = rephrase(message);
  const joined = /^(?:must|is|are|can|cannot|has|should)\b/.test(text) ? `${fieldLabel(field)} ${text}` : `${fieldLabel(field)}: ${text}`;
  return /[.!?]$/.test(joined) ? joined : `${joined}.`;
}
