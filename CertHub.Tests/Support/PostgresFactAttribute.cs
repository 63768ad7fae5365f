namespace CertHub.Tests.Support;

/// <summary>A fact that needs the PostgreSQL test server: skipped (visibly) unless CERTHUB_TEST_DB=postgres.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresTestServer.IsSelected)
        {
            Skip = "Runs on PostgreSQL only: set CERTHUB_TEST_DB=postgres and CERTHUB_TEST_PG (.ci/run does).";
        }
    }
}
