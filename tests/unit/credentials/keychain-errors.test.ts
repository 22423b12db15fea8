import { describe, expect, it } from 'vitest'
import { classifyKeychainMessage, KeychainError, toKeychainError } from '@main/credentials/keychain-errors'
import { KeytarSecretStore, type KeytarApi } from '@main/credentials/keytar-secret-store'

describe('classifyKeychainMessage', () => {
  it('maps the real Secret Service failures to the problem the technician is told about', () => {
    // Texts as keytar/libsecret report them on Linux (see platform.md and tests/keychain).
    expect(classifyKeychainMessage('Cannot autolaunch D-Bus without X11 $DISPLAY')).toBe('unavailable')
    expect(classifyKeychainMessage('The name org.freedesktop.secrets was not provided by any .service files')).toBe('unavailable')
    expect(classifyKeychainMessage('Object does not exist at path “/org/freedesktop/secrets/collection/login”')).toBe('no-keyring')
    expect(classifyKeychainMessage('Cannot create an item in a locked collection')).toBe('locked')
    expect(classifyKeychainMessage('User interaction is not allowed.')).toBe('locked')
    expect(classifyKeychainMessage('User canceled the operation.')).toBe('denied')
    expect(classifyKeychainMessage('The prompt was dismissed')).toBe('denied')
    expect(classifyKeychainMessage('Something odd happened')).toBe('unknown')
  })
})

describe('toKeychainError', () => {
  it('gives a keychain AppError with a message and an action', () => {
    const error = toKeychainError(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'))
    expect(error).toBeInstanceOf(KeychainError)
    expect(error.error).toMatchObject({
      kind: 'keychain',
      message: 'The system keychain is not available: no Secret Service is running.',
      action: expect.stringContaining('GNOME Keyring or KWallet'),
    })
  })

  it('cuts the secret out of whatever the keychain said', () => {
    const error = toKeychainError(new Error('failed to store "hunter2-secret" for you'), ['hunter2-secret'])
    expect(JSON.stringify(error.error)).not.toContain('hunter2-secret')
    expect(error.message).not.toContain('hunter2-secret')
    expect(error.error.excerpt).toContain('[secret]')
  })
})

describe('KeytarSecretStore without a usable keytar', () => {
  const brokenLoad = async (): Promise<KeytarApi> => {
    throw new Error('Cannot find module keytar.node')
  }

  it('reports the keychain as unavailable instead of crashing when the native module cannot load', async () => {
    const store = new KeytarSecretStore({ serviceSuffix: 'unit', loadKeytar: brokenLoad })
    const state = await store.probe()
    expect(state).toMatchObject({ available: false, reason: expect.stringMatching(/keychain is not available/) })
    if (!state.available) expect(state.action).not.toBe('')
    await expect(store.get('prf_1')).rejects.toBeInstanceOf(KeychainError)
    await expect(store.set('prf_1', 'sec_1')).rejects.toMatchObject({ error: { kind: 'keychain' } })
  })

  it('never lets the secret into an error, even when the keychain repeats it', async () => {
    const echoing: KeytarApi = {
      getPassword: async () => null,
      deletePassword: async () => false,
      findCredentials: async () => [],
      setPassword: async (_service, _account, password) => {
        throw new Error(`Cannot create an item in a locked collection (${password})`)
      },
    }
    const store = new KeytarSecretStore({ serviceSuffix: 'unit', loadKeytar: async () => echoing })
    const failure = await store.set('prf_1', 'sec_echoed_999').then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(KeychainError)
    const keychainError = failure as KeychainError
    expect(keychainError.problem).toBe('locked')
    expect(JSON.stringify({ ...keychainError.error, message: keychainError.message })).not.toContain('sec_echoed_999')
  })

  it('uses its own service name, with the suffix', () => {
    expect(new KeytarSecretStore().service).toBe('tellus-field')
    expect(new KeytarSecretStore({ serviceSuffix: 'test-1' }).service).toBe('tellus-field-test-1')
  })
})
