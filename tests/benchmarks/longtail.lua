-- The uncached long tail for wrk: random profiles among the slugs in the file named by SLUGS, every
-- request at an address never asked before (so never in the output cache), Brotli accepted.
-- Every thread of every run draws its own nonce (this file runs once per thread) and numbers its
-- requests: with a fixed seed, the threads of one run and the warm-up before it would ask for the
-- same addresses, and those repeats would be answered from the cache.
local threads = 0
local random = io.open("/dev/urandom", "rb")
local bytes = random:read(6)
random:close()
local nonce = string.format("%02x%02x%02x%02x%02x%02x", bytes:byte(1, 6))

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local slugs = {}
for line in io.lines(os.getenv("SLUGS")) do slugs[#slugs + 1] = line end
local counter = 0

function init(args)
  math.randomseed(id * 7919 + tonumber(string.sub(nonce, 1, 6), 16))
end

function request()
  counter = counter + 1
  local slug = slugs[math.random(#slugs)]
  return wrk.format("GET", "/people/" .. slug .. "?u=" .. nonce .. "-" .. id .. "-" .. counter, { ["Accept-Encoding"] = "br" })
end
