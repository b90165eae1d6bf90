using Parcours.Core.Tests.Support;

namespace Parcours.Core.Tests.Persistence;

/// <summary>The persistence tests on fresh databases of the test PostgreSQL server (PostgresTestServer).</summary>
public sealed class PostgresPersistenceTests() : PersistenceTests(TestDatabase.Postgres());
