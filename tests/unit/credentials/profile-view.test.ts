import { describe, expect, it } from 'vitest'
import { maskClientId } from '@main/credentials/profile-view'

describe('maskClientId', () => {
  it('replaces every character but the last 4 with a bullet', () => {
    expect(maskClientId('cpms_123456')).toBe('•••••••3456')
    expect(maskClientId('demo_field_client')).toBe('•••••••••••••ient')
  })

  it('leaves ids of 4 characters or fewer as they are', () => {
    expect(maskClientId('abcd')).toBe('abcd')
    expect(maskClientId('ab')).toBe('ab')
  })
})
