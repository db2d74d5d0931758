using System.Linq.Expressions;

namespace KunshanInvest.Application.Common.Paging;

/// <summary>
/// Keyset ("seek") paging on one sort key plus a unique string tie-breaker: the next page starts after the last
/// row's (key, code) instead of skipping rows, so page 1000 costs what page 1 costs.
/// </summary>
public static class Keyset
{
    private static readonly System.Reflection.MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static IQueryable<T> OrderByKey<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, string>> tieBreaker, bool descending) =>
        descending
            ? query.OrderByDescending(key).ThenByDescending(tieBreaker)
            : query.OrderBy(key).ThenBy(tieBreaker);

    /// <summary>Rows strictly after (<paramref name="value"/>, <paramref name="tie"/>) in the given order.</summary>
    public static IQueryable<T> After<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, string>> tieBreaker, TKey value, string tie, bool descending)
    {
        var row = key.Parameters[0];
        var keyBody = key.Body;
        var tieBody = new Rebind(tieBreaker.Parameters[0], row).Visit(tieBreaker.Body);
        var keyValue = Parameter.Of(value);
        var tieValue = Parameter.Of(tie);

        var beyond = Compare(keyBody, keyValue, descending, inclusive: false);
        var tieBeyond = Compare(tieBody, tieValue, descending, inclusive: false);
        var seek = Expression.OrElse(beyond, Expression.AndAlso(Expression.Equal(keyBody, keyValue), tieBeyond));

        // The redundant "key at or beyond the cursor" term changes no row but lets the planner start the index scan
        // at the cursor: PostgreSQL cannot bound a scan by an OR alone (page 1000 read ≈54k rows without it).
        var body = Expression.AndAlso(Compare(keyBody, keyValue, descending, inclusive: true), seek);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    private static BinaryExpression Compare(Expression left, Expression right, bool descending, bool inclusive)
    {
        if (left.Type == typeof(string))
        {
            left = Expression.Call(StringCompare, left, right);
            right = Expression.Constant(0);
        }

        if (left.Type.IsEnum)
        {
            // Expression trees define < and > on numbers, not enums; EF compares the stored integers either way.
            var underlying = Enum.GetUnderlyingType(left.Type);
            left = Expression.Convert(left, underlying);
            right = Expression.Convert(right, underlying);
        }

        return (descending, inclusive) switch
        {
            (true, false) => Expression.LessThan(left, right),
            (true, true) => Expression.LessThanOrEqual(left, right),
            (false, false) => Expression.GreaterThan(left, right),
            (false, true) => Expression.GreaterThanOrEqual(left, right),
        };
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
