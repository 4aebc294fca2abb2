"""The JSON API. Each domain app contributes one router, mounted under /api/v1/."""

import importlib

from ninja import NinjaAPI

from . import errors

API_APPS = (
    "units",
    "workdays",
    "publishing",
    "applications",
    "search",
    "reports",
    "lists",
    "decisions",
    "participation",
    "interaction",
    "concerns",
)

api = NinjaAPI(
    title="政务公开平台 API",
    version="1",
    description="政务公开平台的公开接口：政府信息、检索、依申请公开、工作日计算、年度报告、政民互动。",
    urls_namespace="api",
    parser=errors.Parser(),
)

for app in API_APPS:
    api.add_router("/v1/", importlib.import_module(f"gongkai.{app}.api").router)

errors.install(api)
