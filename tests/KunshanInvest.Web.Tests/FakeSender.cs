using Mediator;

namespace KunshanInvest.Web.Tests;

/// <summary>Records every message a component sends and answers with <see cref="Respond"/> (which may throw).</summary>
public sealed class FakeSender : ISender
{
    public List<object> Sent { get; } = [];

    public Func<object, object?> Respond { get; set; } = _ => null;

    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => Answer<TResponse>(request);

    public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) => Answer<TResponse>(command);

    public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => Answer<TResponse>(query);

    public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => Answer<object?>(message);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private ValueTask<T> Answer<T>(object message)
    {
        Sent.Add(message);
        return ValueTask.FromResult(Respond(message) is T answer ? answer : default!);
    }
}
