-- Seeds :n tasks for one user with realistic, varied content. Deterministic (setseed), single statement,
-- so running it for two users with the same seed gives them identical task lists.
-- Parameters (placeholders replaced by BenchTool before running): :user (uuid), :n (count), :zone (IANA zone).
-- Shape: titles "<verb> <object> [context]" with skewed object frequencies; 80% have a 6-40 word description drawn
-- from a skewed vocabulary (2% add one rare word); 0-3 tags; 80% have a due date from 60 days ago to 180 days
-- ahead (15% of those all-day); 30% completed; priorities 50% none, 20% low, 20% medium, 10% high.
select setseed(0.4242);
insert into task (user_id, title, description, completed, priority, tags, due_at, all_day, created_at, updated_at, completed_at)
select :user::uuid,
       title,
       description,
       completed,
       priority,
       tags,
       case when all_day then date_trunc('day', due at time zone :zone) at time zone :zone else due end,
       all_day and due is not null,
       created,
       updated,
       case when completed then updated end
from (
    select i,
           (select upper(left(verb, 1)) || substr(verb, 2)
              from (select v.verbs[1 + i * 0 + floor(random() * array_length(v.verbs, 1))::int] as verb) as chosen) || ' '
               || v.objects[1 + floor(power(random(), 2.5) * array_length(v.objects, 1))::int]
               || case when random() < 0.35 then ' ' || v.contexts[1 + floor(random() * array_length(v.contexts, 1))::int] else '' end
               as title,
           case when random() < 0.2 then null else
               (select string_agg(v.words[1 + g * 0 + floor(power(random(), 2.2) * array_length(v.words, 1))::int], ' ' order by g)
                  from generate_series(1, 6 + (i % 35)) as g)
               || case when random() < 0.02 then ' ' || v.rare[1 + floor(random() * array_length(v.rare, 1))::int] else '' end
           end as description,
           random() < 0.3 as completed,
           (array[0, 0, 0, 0, 0, 1, 1, 2, 2, 3])[1 + floor(random() * 10)::int]::smallint as priority,
           (select coalesce(array_agg(distinct v.tagnames[1 + g * 0 + floor(power(random(), 1.5) * array_length(v.tagnames, 1))::int]), '{}')
              from generate_series(1, i % 4) as g) as tags,
           case when random() < 0.2 then null
                else now() + (random() * 240 - 60) * interval '1 day' end as due,
           random() < 0.15 as all_day,
           now() - random() * interval '365 days' as created,
           now() - random() * interval '7 days' as updated
    from generate_series(1, :n) as i,
         (select array['buy', 'call', 'email', 'write', 'review', 'fix', 'clean', 'book', 'pay', 'schedule',
                       'prepare', 'update', 'send', 'plan', 'read', 'finish', 'check', 'order', 'organize', 'renew',
                       'cancel', 'return', 'pick up', 'drop off', 'back up', 'submit', 'draft', 'repair', 'water', 'research'] as verbs,
                 array['report', 'groceries', 'dentist appointment', 'invoice', 'presentation', 'car', 'taxes', 'plumber',
                       'birthday gift', 'flights', 'hotel', 'insurance', 'newsletter', 'budget', 'garden', 'laundry',
                       'kitchen', 'garage', 'passport', 'doctor', 'quarterly review', 'slides', 'contract', 'proposal',
                       'blog post', 'team lunch', 'library books', 'bike', 'electricity bill', 'rent', 'vacation',
                       'gym membership', 'dog food', 'vet', 'school forms', 'photos', 'backups', 'laptop', 'printer',
                       'phone plan', 'mortgage', 'bank statement', 'conference talk', 'code review', 'release notes',
                       'roadmap', 'interview', 'onboarding docs', 'expense report', 'board deck', 'wedding invitations',
                       'concert tickets', 'recipe', 'milk', 'bread', 'coffee beans', 'batteries', 'light bulbs',
                       'windows', 'gutters', 'lawn', 'tires', 'oil change', 'haircut', 'pharmacy', 'prescription',
                       'eye exam', 'piano lesson', 'swimming class', 'grandma', 'neighbours', 'landlord', 'accountant',
                       'lawyer', 'architect', 'contractor', 'carpenter', 'electrician', 'babysitter', 'tutor',
                       'spreadsheet', 'database migration', 'kubernetes cluster', 'certificate', 'domain name',
                       'firewall rules', 'monitoring alerts', 'dashboard', 'retrospective', 'sprint planning', 'backlog',
                       'customer feedback', 'survey', 'pricing page', 'landing page', 'press release', 'podcast',
                       'thesis chapter', 'bibliography', 'lab notes', 'grant application', 'visa', 'museum tickets',
                       'sailing course', 'telescope', 'aquarium filter', 'harpsichord'] as objects,
                 array['for Monday', 'before the meeting', 'with Alice', 'at the office', 'for mom', 'this weekend',
                       'before Friday', 'with the team', 'for the client', 'after lunch', 'tomorrow morning',
                       'next week', 'for the trip', 'with Bob', 'online'] as contexts,
                 array['the', 'and', 'to', 'of', 'for', 'with', 'on', 'about', 'before', 'after', 'need', 'make', 'sure',
                       'check', 'remember', 'ask', 'call', 'send', 'email', 'meeting', 'notes', 'team', 'client',
                       'project', 'deadline', 'budget', 'draft', 'final', 'version', 'update', 'review', 'list',
                       'store', 'price', 'order', 'delivery', 'address', 'phone', 'number', 'details', 'appointment',
                       'morning', 'evening', 'weekend', 'monday', 'friday', 'urgent', 'later', 'maybe', 'again',
                       'document', 'attach', 'receipt', 'payment', 'account', 'password', 'login', 'website',
                       'kitchen', 'garden', 'car', 'school', 'office', 'home', 'family', 'kids', 'friends',
                       'birthday', 'party', 'dinner', 'lunch', 'coffee', 'train', 'ticket', 'flight', 'hotel',
                       'booking', 'confirm', 'cancel', 'reschedule', 'follow', 'up', 'feedback', 'question',
                       'answer', 'problem', 'issue', 'bug', 'release', 'deploy', 'server', 'database', 'backup',
                       'report', 'numbers', 'quarter', 'plan', 'goal', 'idea', 'research', 'article', 'book',
                       'chapter', 'slides', 'presentation', 'customer', 'contract', 'signature', 'invoice', 'tax',
                       'insurance', 'doctor', 'dentist', 'pharmacy', 'groceries', 'milk', 'eggs', 'bread', 'cheese',
                       'vegetables', 'fruit', 'recipe', 'paint', 'repair', 'plumber', 'electrician', 'leak',
                       'window', 'door', 'roof', 'heating', 'warranty', 'manual', 'battery', 'charger', 'cable',
                       'printer', 'laptop', 'monitor', 'keyboard', 'license', 'subscription', 'renewal', 'expired',
                       'photos', 'album', 'vacation', 'beach', 'mountain', 'hiking', 'bike', 'running', 'gym',
                       'yoga', 'swimming', 'piano', 'guitar', 'lesson', 'homework', 'exam', 'grades', 'teacher',
                       'parents', 'neighbour', 'landlord', 'lease', 'deposit', 'mortgage', 'loan', 'savings',
                       'pension', 'investment', 'shares', 'dividend', 'statement', 'spreadsheet', 'formula',
                       'migration', 'schema', 'index', 'query', 'latency', 'throughput', 'benchmark', 'profiling',
                       'kubernetes', 'container', 'pipeline', 'certificate', 'dns', 'firewall', 'monitoring',
                       'alert', 'dashboard', 'metrics', 'logging', 'tracing', 'incident', 'postmortem', 'roadmap',
                       'okr', 'retrospective', 'standup', 'sprint', 'backlog', 'estimate', 'scope', 'stakeholder',
                       'approval', 'legal', 'compliance', 'audit', 'privacy', 'gdpr', 'accessibility', 'translation',
                       'localization', 'onboarding', 'offboarding', 'hiring', 'interview', 'candidate', 'salary',
                       'promotion', 'conference', 'keynote', 'workshop', 'webinar', 'podcast', 'newsletter',
                       'blog', 'marketing', 'campaign', 'launch', 'pricing', 'discount', 'coupon', 'refund'] as words,
                 array['zephyr', 'quokka', 'marzipan', 'obsidian', 'tamarind', 'xylophone', 'fjord', 'kumquat',
                       'nebula', 'origami', 'saffron', 'zeppelin'] as rare,
                 array['work', 'home', 'errands', 'family', 'health', 'finance', 'urgent', 'someday', 'reading',
                       'travel', 'car', 'garden', 'school', 'shopping', 'calls', 'email', 'admin', 'ops', 'dev',
                       'writing', 'fitness', 'music', 'kids', 'pets', 'taxes'] as tagnames) as v
) as generated;
