-- POST a lead (新线索) as the app's CreateLead body: an enterprise on file with no project, a sector, a source.
dofile(os.getenv("KI_LOAD_LUA_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"enterpriseId":"%s","sectorId":"%s","source":"BusinessReferral"}',
  os.getenv("KI_LOAD_ENTERPRISE"), os.getenv("KI_LOAD_SECTOR"))
