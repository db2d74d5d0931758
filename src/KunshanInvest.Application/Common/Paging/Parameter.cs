using System.Linq.Expressions;

namespace KunshanInvest.Application.Common.Paging;

/// <summary>
/// A value for a hand-built expression that EF sends as a SQL parameter: read from a captured object, as a lambda's
/// closure would be, not inlined as a literal. Literals would compile a new query (and a new plan on SQL Server)
/// for every cursor and every cutoff instant.
/// </summary>
internal static class Parameter
{
    public static Expression Of<T>(T value) => Expression.Property(Expression.Constant(new Holder<T>(value)), nameof(Holder<T>.Value));

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
