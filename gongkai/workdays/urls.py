portal_urlpatterns = []
console_urlpatterns = []
