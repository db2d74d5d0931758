using System.Reflection;
using NetArchTest.Rules;

namespace KunshanInvest.Architecture.Tests;

/// <summary>Domain ← Application ← Infrastructure ← Api; Web → Application only.</summary>
public sealed class LayerTests
{
    private const string Domain = "KunshanInvest.Domain";
    private const string Application = "KunshanInvest.Application";
    private const string Infrastructure = "KunshanInvest.Infrastructure";
    private const string Web = "KunshanInvest.Web";
    private const string Api = "KunshanInvest.Api";

    private static Assembly Load(string name) => Assembly.Load(name);

    public static TheoryData<string, string[]> Rules => new()
    {
        { Domain, [Application, Infrastructure, Web, Api, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "FluentValidation"] },
        { Application, [Infrastructure, Web, Api, "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "Hangfire"] },
        { Web, [Infrastructure, Api, "Microsoft.EntityFrameworkCore"] },
        { Infrastructure, [Web, Api] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_layer_depends_only_on_the_layers_inside_it(string layer, string[] forbidden)
    {
        var result = Types.InAssembly(Load(layer)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{layer} must not depend on {string.Join(", ", forbidden)}; offenders: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_domain_references_no_other_project_or_package()
    {
        var references = Load(Domain).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"Domain references {name}"));
    }

    [Theory]
    [InlineData(Domain)]
    [InlineData(Application)]
    public void The_inner_layers_reference_no_AspNetCore_assembly(string layer)
    {
        var references = Load(layer).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_request_declares_who_may_send_it()
    {
        var requests = Load(Application).GetTypes()
            .Where(t => typeof(Mediator.IMessage).IsAssignableFrom(t))
            .Where(t => !t.IsInterface && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, t => Assert.True(
            t.GetCustomAttributes().Any(a => a.GetType().Name is "AuthorizeRequestAttribute" or "AnonymousRequestAttribute"),
            $"{t.Name} declares neither [AuthorizeRequest] nor [AnonymousRequest]."));
    }

    [Fact]
    public void Handlers_do_not_reach_for_the_concrete_db_context()
    {
        var result = Types.InAssembly(Load(Application)).ShouldNot().HaveDependencyOn("KunshanInvest.Infrastructure.Persistence").GetResult();

        Assert.True(result.IsSuccessful);
    }
}
