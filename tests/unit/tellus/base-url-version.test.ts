import { describe, expect, it } from 'vitest'
import { lacksApiVersion, withApiVersion } from '@common/tellus/base-url-version'

describe('lacksApiVersion', () => {
  it.each([
    ['https://api.telluspower.example.com/v1', false],
    ['https://api.telluspower.example.com/v1/', false],
    ['https://gw.example.com/tellus/V2', false],
    ['http://127.0.0.1:4010/v1', false],
    ['https://api.telluspower.example.com', true],
    ['https://api.telluspower.example.com/', true],
    ['http://127.0.0.1:4010', true],
    ['https://gw.example.com/tellus', true],
    ['https://gw.example.com/v1x', true],
    ['not a url', false],
    ['', false],
  ])('%j → %s', (url, lacks) => {
    expect(lacksApiVersion(url)).toBe(lacks)
  })

  it.each([
    ['https://api.example.com', 'https://api.example.com/v1'],
    ['https://api.example.com//', 'https://api.example.com/v1'],
    [' http://127.0.0.1:4010 ', 'http://127.0.0.1:4010/v1'],
  ])('withApiVersion(%j) → %s', (url, fixed) => {
    expect(withApiVersion(url)).toBe(fixed)
  })
})
