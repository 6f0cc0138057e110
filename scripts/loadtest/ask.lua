-- wrk script: GET /v1/ask over a mix of questions (one activity, every activity, names as
-- people type them, dates, facts). With HASH_A and HASH_B set, checks every response: the
-- rule set in X-Psyreg-Rule-Set must be the one whose answer the body carries (rule set B
-- names the UN layer "... (B)"), and counts non-200 responses.
local questions = {
  "substance=psilocybin&jurisdiction=us-or&activity=supervised-use&on=2024-06-01",
  "substance=psilocybin&jurisdiction=Oregon&activity=possession",
  "substance=mdma&jurisdiction=au&activity=medical&on=2024-06-01",
  "substance=mdma&jurisdiction=Australia&activity=medical&fact=prescriber%3Dpsychiatrist&fact=indication%3Dptsd",
  "substance=ecstasy&jurisdiction=United+States&on=1985-07-01",
  "substance=esketamine&jurisdiction=us&activity=medical",
  "substance=psilocybin&jurisdiction=us-co&activity=supervised-use",
  "substance=psilocybin&jurisdiction=Denver&activity=possession",
  "substance=psilocybin&jurisdiction=nl&activity=possession",
  "substance=mdma&jurisdiction=de&activity=research",
  "substance=ketamine&jurisdiction=gb&activity=medical",
  "substance=psilocybin&jurisdiction=ca&activity=medical&on=2023-01-01",
  "substance=mdma&jurisdiction=ch&activity=medical",
  "substance=psilocybin&jurisdiction=nz",
  "substance=lsd&jurisdiction=jp&activity=possession",
  "substance=dmt&jurisdiction=br&activity=religious",
  "substance=ayahuasca&jurisdiction=pe&activity=religious",
  "substance=mescaline&jurisdiction=us-tx&activity=religious",
  "substance=ibogaine&jurisdiction=mx&activity=medical",
  "substance=psilocybin&jurisdiction=us-ca-oakland&activity=possession&on=2020-01-01",
}
local paths = {}
for i, q in ipairs(questions) do paths[i] = "/v1/ask?" .. q end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  index = math.random(#paths)
  errors, mismatches, checked = 0, 0, 0
  hashA, hashB = os.getenv("HASH_A"), os.getenv("HASH_B")
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

if os.getenv("HASH_A") then
  function response(status, headers, body)
    if status ~= 200 then errors = errors + 1 return end
    local h = headers["X-Psyreg-Rule-Set"] or headers["x-psyreg-rule-set"]
    local isB = string.find(body, "conventions (B)", 1, true) ~= nil
    checked = checked + 1
    if not ((h == hashA and not isB) or (h == hashB and isB)) then mismatches = mismatches + 1 end
  end
end

function done(summary, latency, requests)
  local e, m, c = 0, 0, 0
  for _, t in ipairs(threads) do
    e = e + (t:get("errors") or 0)
    m = m + (t:get("mismatches") or 0)
    c = c + (t:get("checked") or 0)
  end
  io.write(string.format("requests %d, non-2xx or socket errors %d (wrk: %d), checked %d, mixed answers %d\n",
    summary.requests, e + summary.errors.status, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, c, m))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
