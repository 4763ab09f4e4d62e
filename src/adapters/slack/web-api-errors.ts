// Failed Web API calls, read through @slack/web-api's own error codes and error types. Matched
// by code, not by class: Bolt and its Socket Mode receiver may each bring a copy of the library,
// and an instance of one copy's class is not an instance of the other's.
import { webApi } from '@slack/bolt';

const CODES: ReadonlySet<unknown> = new Set(Object.values(webApi.ErrorCode));

/** The error as the Web API client's own type, or undefined when it is not one of its errors. */
export function asWebApiError(error: unknown): webApi.WebAPICallError | undefined {
  return CODES.has((error as { code?: unknown } | null)?.code) ? (error as webApi.WebAPICallError) : undefined;
}

/** Slack's own error string ("not_in_channel", "invalid_auth") when Slack answered ok:false. */
export function platformErrorOf(error: unknown): string | undefined {
  const apiError = asWebApiError(error);
  return apiError?.code === webApi.ErrorCode.PlatformError ? apiError.data.error : undefined;
}

/** What a failed call says, for a log line; never the request, which holds user text and the token header. */
export function describeWebApiError(error: unknown): Record<string, unknown> {
  const apiError = asWebApiError(error);
  const summary = { code: (error as { code?: unknown } | null)?.code, message: error instanceof Error ? error.message : String(error) };
  switch (apiError?.code) {
    case webApi.ErrorCode.PlatformError:
      return { ...summary, slackError: apiError.data.error };
    case webApi.ErrorCode.HTTPError:
      return { ...summary, statusCode: apiError.statusCode };
    case webApi.ErrorCode.RateLimitedError:
      return { ...summary, retryAfter: apiError.retryAfter };
    case webApi.ErrorCode.RequestError:
      return { ...summary, cause: apiError.original.message };
    default:
      return summary;
  }
}
