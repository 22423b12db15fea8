/**
 * The one "fetch live, else the offline copy with the reason" rule the device lookup and the
 * charging history share: which failures open the offline copy, and what is said when it cannot.
 */
import { describe, expect, it } from 'vitest'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import { fetchWithOfflineFallback, isOfflineWorthy } from '@main/devices/device-service'

const network = appError('network', 'Could not reach the Tellus API.', { action: 'Check the connection.' })

/** Runs the fallback with a live answer and an offline copy, recording whether the copy was read. */
async function run(live: Result<string>, offline: Result<string | null>) {
  const reads: string[] = []
  const result = await fetchWithOfflineFallback({
    fetchLive: async () => live,
    readOffline: async () => {
      reads.push('offline')
      return offline
    },
    offlineName: 'offline copy',
  })
  return { result, reads }
}

describe('fetchWithOfflineFallback', () => {
  it('answers with the live value and leaves the offline copy unread', async () => {
    await expect(run(ok('live'), ok('copy'))).resolves.toEqual({ result: ok({ source: 'live', live: 'live' }), reads: [] })
  })

  it('answers an offline-worthy failure with the offline copy and the error that made it necessary', async () => {
    await expect(run(fail(network), ok('copy'))).resolves.toEqual({ result: ok({ source: 'offline', offline: 'copy', error: network }), reads: ['offline'] })
  })

  it('reports the error when there is no offline copy', async () => {
    await expect(run(fail(network), ok(null))).resolves.toEqual({ result: fail(network), reads: ['offline'] })
  })

  it('never hides a failure of the request itself (a 3001) behind an offline copy', async () => {
    const notFound = appError('api', 'No device with that id.', { code: 3001, status: 404 })
    await expect(run(fail(notFound), ok('copy'))).resolves.toEqual({ result: fail(notFound), reads: [] })
  })

  it('says so, after what to fix, when the offline copy cannot be read either', async () => {
    const unreadable: AppError = appError('storage', 'The snapshot folder cannot be read (permission denied).')
    const { result } = await run(fail(network), fail(unreadable))
    expect(result).toEqual(
      fail({ ...network, action: 'Check the connection. The offline copy could not be read either: The snapshot folder cannot be read (permission denied).' }),
    )
  })
})

describe('isOfflineWorthy', () => {
  it.each([
    [appError('network', 'x'), true],
    [appError('timeout', 'x'), true],
    [appError('invalid-response', 'x'), true],
    [appError('rate-limited', 'x'), true],
    [appError('api', 'x', { code: 9001, status: 500 }), true],
    [appError('api', 'x', { code: 3001, status: 404 }), false],
    [appError('auth', 'x', { code: 2001 }), true],
    [appError('auth', 'x', { code: 2002 }), true],
    [appError('auth', 'x'), true],
    [appError('keychain', 'x'), true],
    [appError('invalid-input', 'x'), false],
    [appError('cancelled', 'x'), false],
  ])('%o → %s', (error, expected) => {
    expect(isOfflineWorthy(error)).toBe(expected)
  })
})
