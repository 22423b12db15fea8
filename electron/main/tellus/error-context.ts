/** What a request was about, so that error messages can name the host, the endpoint and the device. */
export interface ErrorContext {
  /** Host (and port) of the API base URL, e.g. `api.telluspower.example.com`. */
  host: string
  endpoint: 'token' | 'device' | 'sites' | 'charging-records'
  /** The device the request was for, when there was one. */
  deviceId?: string
  /** The API base URL the request went to, so a "not found" can point at a missing /v1. */
  baseUrl?: string
}
