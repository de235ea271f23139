-- wrk script for POST /articles: every request a distinct plain-text article (headline + body), with the
-- bearer token from the environment (NEWSWIRE_HTTP_TOKEN), so each one is parsed, cleaned and published.
-- Usage: NEWSWIRE_HTTP_TOKEN=... wrk -t2 -c32 -d30s -s bench/wrk-articles.lua http://127.0.0.1:18080/articles
local token = os.getenv("NEWSWIRE_HTTP_TOKEN") or ""
local paragraph = "Officials from Egypt, Qatar and the United States met in Cairo on Monday to press for a " ..
  "ceasefire in Gaza and the release of hostages, according to two people familiar with the talks, who " ..
  "spoke on condition of anonymity because the negotiations are continuing. "
local body = string.rep(paragraph, 12)
local counter = 0

request = function()
  counter = counter + 1
  local text = "Talks resume in Cairo, report " .. counter .. " from thread " .. tostring(math.random(1e9)) ..
    "\n\n" .. body .. "\n\nUpdate " .. counter .. ".\n"
  return wrk.format("POST", nil, {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "text/plain"}, text)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
