-- Random public pages for wrk: profiles drawn among the slugs in the file named by SLUGS, Brotli
-- accepted. PAGES (comma-separated suffixes, default the profile alone) widens each draw to more
-- of the profile's pages: PAGES=",/publications,/cv" draws among its page, publication list and CV.
-- Every thread seeds its generator from /dev/urandom (this file runs once per thread), so the
-- threads of a run, and runs after one another, ask for different sequences.
local threads = 0
local random = io.open("/dev/urandom", "rb")
local bytes = random:read(6)
random:close()
local seed = tonumber(string.format("%02x%02x%02x", bytes:byte(1, 3)), 16)

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local slugs = {}
for line in io.lines(os.getenv("SLUGS")) do slugs[#slugs + 1] = line end
local pages = {}
for page in string.gmatch((os.getenv("PAGES") or "") .. ",", "([^,]*),") do pages[#pages + 1] = page end

function init(args)
  math.randomseed(id * 7919 + seed)
end

function request()
  local slug = slugs[math.random(#slugs)]
  return wrk.format("GET", "/people/" .. slug .. pages[math.random(#pages)], { ["Accept-Encoding"] = "br" })
end
