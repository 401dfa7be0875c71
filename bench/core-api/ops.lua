-- wrk script for the core API benchmark: one of three operations, chosen by environment variables.
--   BENCH_OP     create | list | search
--   BENCH_USER   the user id (uuid) in the path /api/{userId}/tasks
--   BENCH_TOKEN  bearer token (empty for the baseline, which authenticates nothing)
--   BENCH_OUT    file the summary is appended to as one JSON line (optional)
--   BENCH_LABEL  free text copied into that line (e.g. "app list")
--   BENCH_RATE   optional: open loop at this many requests per second in all (BENCH_THREADS wrk threads share it)
-- Requests rotate through fixed lists, so both contestants receive the same sequence of requests.

local op = os.getenv("BENCH_OP") or "list"
local user = os.getenv("BENCH_USER") or error("BENCH_USER is required")
local token = os.getenv("BENCH_TOKEN") or ""
local base = "/api/" .. user .. "/tasks"

-- Search terms with varied selectivity over the seeded 100k tasks (matches per user, see seed.sql):
-- very common words (~15-20%), common (~5-10%), two-word AND queries, rare (~0.1-0.4%),
-- half-typed prefixes as a search-as-you-type box sends them, and one with no match.
local searches = {
  "report", "call", "dentist", "groc", "invoice", "kubernetes", "harpsichord", "telescope",
  "zephyr", "quokka", "rep", "dentist appoint", "budget review", "migrat", "tax", "plumb",
  "meeting", "xyzzy", "code review", "pro",
}

local verbs = { "Buy", "Call", "Email", "Write", "Review", "Fix", "Book", "Pay", "Schedule", "Prepare" }
local objects = { "groceries", "dentist appointment", "quarterly report", "plumber", "birthday gift",
  "flights to Lisbon", "insurance renewal", "team lunch", "release notes", "conference talk" }
local descriptions = {
  "Remember to bring the receipt and ask about the warranty.",
  "Check the numbers with the team before sending the final version to the client.",
  "",
  "Call first, they close early on Fridays. Address is in the email from Monday.",
  "Draft, review with Alice, then send. Attach last quarter's spreadsheet for comparison.",
}
local tagsets = { '[]', '["home"]', '["work","urgent"]', '["errands","shopping"]', '["finance"]', '["work","dev","ops"]' }
local priorities = { "none", "low", "medium", "high", "none", "medium" }

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local bodies = {}
for i = 1, 200 do
  local title = verbs[(i % #verbs) + 1] .. " " .. objects[((i * 7) % #objects) + 1]
  local d = descriptions[(i % 5) + 1]
  local desc = (d == nil or d == "") and "null" or json_string(d)
  local due
  if i % 5 == 0 then
    due = "null"
  else
    -- spread over the next year, some in the past (overdue); RFC 3339 with offsets
    local day = (i * 37) % 365
    local month = math.floor(day / 31) % 12 + 1
    local dom = day % 28 + 1
    due = string.format('"2027-%02d-%02dT%02d:%02d:00+01:00"', month, dom, 8 + i % 10, (i * 15) % 60)
  end
  bodies[i] = string.format('{"title":%s,"description":%s,"priority":"%s","tags":%s,"dueAt":%s}',
      json_string(title), desc, priorities[(i % #priorities) + 1], tagsets[(i % #tagsets) + 1], due)
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Open loop (BENCH_RATE): each wrk thread sends on its own schedule of Poisson arrivals (exponential gaps, mean
-- threads/rate), whether or not earlier answers have come back; a free connection takes the next slot. Without it
-- wrk is a closed loop, where a slow answer delays the requests behind it and hides them from the latencies
-- ("coordinated omission"). A request sent more than 1 ms after its slot because every connection was busy counts as
-- late: its queueing is not in wrk's latency, so the report shows how many there were.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate then
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *ts);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local mean_gap_ms = 1000 * tonumber(os.getenv("BENCH_THREADS") or "1") / rate
  local next_ms = nil
  late = 0

  function delay()
    local now = now_ms()
    next_ms = (next_ms or now) - math.log(1 - math.random()) * mean_gap_ms
    local wait = next_ms - now
    if wait < -1 then
      late = late + 1
    end
    return math.max(0, math.floor(wait + 0.5))
  end
end

local threads = {}
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

local counter = 0

function init(args)
  counter = (tid or 1) * 7919
  math.randomseed(counter)
  wrk.headers["Accept"] = "application/json"
  if token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  if op == "create" then
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  counter = counter + 1
  if op == "create" then
    return wrk.format("POST", base, nil, bodies[(counter % #bodies) + 1])
  elseif op == "search" then
    return wrk.format("GET", base .. "?q=" .. urlencode(searches[(counter % #searches) + 1]))
  else
    return wrk.format("GET", base .. "?sort=due&size=50")
  end
end

-- One JSON line per run: totals, errors and wrk's exact latency histogram (distinct microsecond values with
-- their counts), so that BenchTool can merge interleaved rounds and compute exact percentiles.
function done(summary, latency, requests)
  local e = summary.errors
  local hist = {}
  for i = 1, #latency do
    local value, count = latency(i)
    hist[#hist + 1] = string.format("[%d,%d]", value, count)
  end
  local late_sends = 0
  for _, thread in ipairs(threads) do
    late_sends = late_sends + (thread:get("late") or 0)
  end
  local line = string.format(
    '{"label":"%s","op":"%s","requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,' ..
    '"late":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"hist_us":[%s]}',
    os.getenv("BENCH_LABEL") or op, op, summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    late_sends, e.connect, e.read, e.write, e.status, e.timeout, table.concat(hist, ","))
  local out = os.getenv("BENCH_OUT")
  if out and out ~= "" then
    local f = assert(io.open(out, "a"))
    f:write(line .. "\n")
    f:close()
  end
end
