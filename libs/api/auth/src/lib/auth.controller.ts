import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client, ClientInfo, DeviceAuth, Public } from '@kassa/api/http';
import { AuthService } from './auth.service';
import { PinSignInDto } from './dto/pin.dto';
import { StaffPinsService } from './staff-pins.service';
import { LoginDto, RefreshTokenDto, SetPasswordDto } from './dto/login.dto';
import { SignupDto, SignupResponseDto, TokenPairDto } from './dto/signup.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly pins: StaffPinsService,
  ) {}

  @Post('signup')
  @ApiOperation({
    operationId: 'signUp',
    summary: 'Sign up a shop',
    description:
      "Creates the shop and its owner and signs the owner in. Every field is required: `tenantName`, `slug` (the shop's sign-in name), `ownerName`, `email`, `password` (at least 10 characters), `currency` (ISO 4217), `timeZone` (IANA), `pricesIncludeTax`. The new shop has no store yet.",
  })
  @Public()
  @ApiCreatedResponse({ type: SignupResponseDto, description: 'The shop, its owner, and the owner signed in.' })
  signup(@Body() input: SignupDto, @Client() client: ClientInfo): Promise<SignupResponseDto> {
    return this.auth.signup(input, client);
  }

  @Post('auth/login')
  @ApiOperation({
    operationId: 'logIn',
    summary: 'Sign in',
    description: "Email, password and the shop's slug for an access token (15 minutes) and a refresh token.",
  })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() input: LoginDto, @Client() client: ClientInfo): Promise<TokenPairDto> {
    return this.auth.login(input, client);
  }

  @Post('auth/pin')
  @ApiOperation({
    operationId: 'signInWithPin',
    summary: 'Sign in with a PIN',
    description: "PIN sign-in on a paired till; the access token carries the device's register.",
  })
  @Public()
  @DeviceAuth()
  @HttpCode(200)
  @ApiOkResponse({
    type: TokenPairDto,
    description: "PIN sign-in on a paired till (`Authorization: Device <token>`); the access token carries the device's register.",
  })
  pinSignIn(@Headers('authorization') authorization: string | undefined, @Body() input: PinSignInDto, @Client() client: ClientInfo): Promise<TokenPairDto> {
    return this.pins.signIn(authorization, input, client);
  }

  @Post('auth/refresh')
  @ApiOperation({
    operationId: 'refreshTokens',
    summary: 'Refresh tokens',
    description: 'Trades a refresh token for a new pair; the presented one is spent, and a reused one signs its whole family out.',
  })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: 'A new pair; the presented refresh token is spent.' })
  refresh(@Body() input: RefreshTokenDto): Promise<TokenPairDto> {
    return this.auth.refresh(input.refreshToken);
  }

  @Post('auth/logout')
  @ApiOperation({ operationId: 'logOut', summary: 'Sign out', description: "The refresh token's family stops working." })
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Signs this device out: the refresh token's family stops working." })
  logout(@Body() input: RefreshTokenDto, @Client() client: ClientInfo): Promise<void> {
    return this.auth.logout(input.refreshToken, client);
  }

  @Post('auth/set-password')
  @ApiOperation({ summary: 'Set a password from an invite', description: "Completes an invite (or a reset): the one-time link's token and the new password." })
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Completes an invite; the link is spent.' })
  setPassword(@Body() input: SetPasswordDto): Promise<void> {
    return this.auth.setPassword(input);
  }
}
