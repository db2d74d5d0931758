using System.Reflection;
using System.Text.RegularExpressions;

namespace KunshanInvest.Architecture.Tests;

/// <summary>A use case is found by its name: each Application source file declares at most one request.</summary>
public sealed partial class UseCaseFileTests
{
    // A record or class declared at the start of a line ("record" in a comment does not count) whose base list names a
    // Mediator request interface (ICommand, IQuery<T>, IRequest<T>, ...). [^;{]* spans a parameter list over several
    // lines and stops at the declaration's end; the interface name must end there, so IQueryHandler<...> does not count.
    [GeneratedRegex(@"^[ \t]*(?:(?:public|internal|protected|private|file|sealed|abstract|partial)\s+)*(?:record(?:\s+class)?|class)\s+(?<name>\w+)[^;{]*?:[^;{]*?\b(?:ICommand|IQuery|IRequest|IStreamCommand|IStreamQuery|IStreamRequest)\b\s*(?:<|;|\{|,|$)", RegexOptions.Multiline)]
    private static partial Regex RequestDeclaration();

    [Fact]
    public void Each_application_file_declares_at_most_one_request()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "KunshanInvest.Application"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: f, Requests: RequestDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value).ToList()))
            .ToList();

        // Guards the scan itself: every request type the compiler sees must have been found in some file.
        var found = files.SelectMany(f => f.Requests).ToHashSet(StringComparer.Ordinal);
        var missed = RequestTypes().Where(name => !found.Contains(name)).ToList();
        Assert.True(missed.Count == 0, "The source scan missed these requests; widen the pattern: " + string.Join(", ", missed));
        var offenders = files.Where(f => f.Requests.Count > 1)
            .Select(f => $"{Path.GetFileName(f.File)}: {string.Join(", ", f.Requests)}")
            .ToList();
        Assert.True(offenders.Count == 0, "One request per file, named after it; split: " + string.Join("; ", offenders));
    }

    [Fact]
    public void Each_entity_configuration_has_a_file_named_after_it()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "KunshanInvest.Infrastructure", "Persistence", "Configurations");
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetFileNameWithoutExtension(f), Classes: EntityConfiguration().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value).ToList()))
            .ToList();

        Assert.True(files.Sum(f => f.Classes.Count) > 20, "The scan found almost no IEntityTypeConfiguration<T>; the pattern no longer recognises them.");
        var offenders = files.Where(f => f.Classes.Count > 1 || (f.Classes.Count == 1 && f.Classes[0] != f.File))
            .Select(f => $"{f.File}.cs: {string.Join(", ", f.Classes)}")
            .ToList();
        Assert.True(offenders.Count == 0, "One IEntityTypeConfiguration<T> per file, named after its class: " + string.Join("; ", offenders));
    }

    [GeneratedRegex(@"\bclass\s+(?<name>\w+)[^{;]*\bIEntityTypeConfiguration<")]
    private static partial Regex EntityConfiguration();

    [Theory]
    [InlineData("public sealed record ListJobs : IQuery<JobList>;", "ListJobs")]
    [InlineData("public sealed record RunJobNow(string Name) : ICommand;", "RunJobNow")]
    [InlineData("public sealed record CreateLead(\n    Guid? EnterpriseId,\n    bool Confirm = false) : ICommand<LeadCreated>;", "CreateLead")]
    [InlineData("public sealed class Export : IRequest<ExportFile>\n{\n}", "Export")]
    [InlineData("public sealed class ListJobsHandler(IJobScheduler scheduler) : IQueryHandler<ListJobs, JobList>\n{", null)]
    [InlineData("public sealed record JobList(bool Enabled, IReadOnlyList<RecurringJobInfo> Jobs);", null)]
    [InlineData("/// <summary>Staff record a person.</summary>\npublic sealed record AddContact(Guid Id)\n    : ICommand<ContactDto>, IContactFields;", "AddContact")]
    public void The_pattern_finds_requests_and_only_requests(string source, string? request)
    {
        var names = RequestDeclaration().Matches(source).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(request is null ? [] : [request], names);
    }

    private static IEnumerable<string> RequestTypes() =>
        Assembly.Load("KunshanInvest.Application").GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(IsRequestInterface))
            .Select(t => t.Name);

    private static bool IsRequestInterface(Type type) =>
        type.Namespace == "Mediator" && RequestInterface().IsMatch(type.Name);

    [GeneratedRegex(@"^I(?:Stream)?(?:Command|Query|Request)(?:`1)?$")]
    private static partial Regex RequestInterface();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KunshanInvest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No KunshanInvest.sln above {AppContext.BaseDirectory}.");
    }
}
