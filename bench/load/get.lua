-- GET the URL given to wrk (project list page 1, funnel) with the bearer token.
dofile(os.getenv("KI_LOAD_LUA_DIR") .. "/common.lua")
