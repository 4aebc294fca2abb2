from django.db import connection


def tamper(sql, params=()):
    """Change the audit table behind the application's back, as someone with database access
    would; on PostgreSQL they must first get past the guard trigger (as its superuser can)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(sql, params)
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("SET session_replication_role = origin")
