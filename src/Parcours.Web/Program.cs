using Parcours.Web;

var app = ParcoursWebApp.Build(args);
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
