import { describe, expect, it } from 'vitest';
import { describeFieldError, fieldLabel } from './fieldErrors';

describe('server field errors in words', () => {
  it('names the field as the page labels it, not as the JSON does', () => {
    expect(describeFieldError('title', 'must be at most 200 characters')).toBe('Title can be at most 200 characters.');
    expect(describeFieldError('description', 'must be at most 4000 characters')).toBe(
      'Description can be at most 4000 characters.',
    );
    expect(describeFieldError('timeZone', "'Mars/Base' is not an IANA time zone such as Europe/Berlin")).toBe(
      "Time zone: 'Mars/Base' is not an IANA time zone such as Europe/Berlin.",
    );
    expect(describeFieldError('text', 'size must be between 0 and 4000')).toBe('Text can be at most 4000 characters.');
    expect(describeFieldError('password', 'size must be between 8 and 128')).toBe('Password must be 8 to 128 characters long.');
    expect(describeFieldError('name', 'must not be blank')).toBe('Name is required.');
    expect(describeFieldError('tags', 'at most 20 distinct tags')).toBe('Tags can have at most 20 distinct tags.');
  });

  it('labels list items and unknown fields readably', () => {
    expect(fieldLabel('reminders[1].at')).toBe('Reminder 2 time');
    expect(fieldLabel('reminders[0].before')).toBe('Reminder 1');
    expect(fieldLabel('tags[2]')).toBe('Tag 3');
    expect(fieldLabel('recurrence.rule')).toBe('Repeat rule');
    expect(fieldLabel('someOtherField')).toBe('Some other field');
  });
});
