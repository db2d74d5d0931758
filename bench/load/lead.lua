-- POST a lead (新线索) as the app's CreateLead body: an enterprise on file with no project, a sector, a source. The
-- enterprise rotates over the ids in KI_LOAD_ENTERPRISES (a file, one id per line), each thread from its own start.
dofile(os.getenv("KI_LOAD_LUA_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local ids = {}
for line in io.lines(os.getenv("KI_LOAD_ENTERPRISES")) do
  if line ~= "" then ids[#ids + 1] = line end
end
local sector = os.getenv("KI_LOAD_SECTOR")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("next", threads * 7919)
end

function request()
  next = next + 1
  local body = string.format('{"enterpriseId":"%s","sectorId":"%s","source":"BusinessReferral"}', ids[(next % #ids) + 1], sector)
  return wrk.format(nil, nil, nil, body)
end
