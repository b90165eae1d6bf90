using Parcours.Core.Tests.Support;

namespace Parcours.Core.Tests.Persistence;

/// <summary>The persistence tests on SQLite files in a temporary folder.</summary>
public sealed class SqlitePersistenceTests() : PersistenceTests(TestDatabase.Sqlite());
